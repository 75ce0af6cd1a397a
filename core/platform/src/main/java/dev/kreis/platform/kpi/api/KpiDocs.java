package dev.kreis.platform.kpi.api;

/** Texts and examples the KPI endpoints' document repeats; constants because annotations need them. */
final class KpiDocs {
    static final String KEY = "The KPI's key, such as nps, csat or ces";
    static final String FROM = "First day of the period (YYYY-MM-DD, or midnight UTC); left out: the default period length before to";
    static final String TO = "Day after the period, excluded (YYYY-MM-DD, or midnight UTC); left out: tomorrow, so today is included";
    static final String PHASE = "Only touchpoints in this journey phase: awareness, interest, consideration, intent, purchase, retention "
            + "or advocacy";
    static final String MODULE = "Only touchpoints of this module, such as support or core";
    static final String INTERVAL = "The length of each point: day (default), week (from Monday) or month";
    static final String SEGMENT = "Only customers of this segment: kind:person or kind:organisation";

    static final String CUSTOMERS_EXAMPLE = """
            {"items": [{"customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "displayName": "Lena Lead", "kind": "person", "basis": "answers", \
            "answers": 2, "meanScore": 3.5000, "lastScore": 2, "lastAnsweredAt": "2026-01-30T14:12:00Z", "startMrr": null, "endMrr": null, \
            "outcome": null, "orders": null, "orderRevenue": null}], "nextCursor": null}""";

    static final String TARGET_EXAMPLE = """
            {"kpi": "nps", "value": 40, "from": "2026-01-01", "to": "2027-01-01", "owners": ["marketing", "support"], "shared": true, \
            "atRisk": {"kind": "percent_of_target", "width": 10}, "updatedBy": "admin", "updatedAt": "2026-01-02T08:00:00Z"}""";
    static final String DEFINITIONS_EXAMPLE = """
            [{"key": "nps", "name": "Net Promoter Score", "unit": "score", "direction": "higher_is_better", \
            "owners": ["marketing", "support"], "shared": true, \
            "description": "Share of promoters (9-10) minus share of detractors (0-6) among NPS answers, -100 to 100.", \
            "target": """ + TARGET_EXAMPLE + "}]";
    static final String VALUE_EXAMPLE = """
            {"key": "nps", "value": 32.5000, "unit": "score", "sampleSize": 120, "from": "2026-01-01", "to": "2026-02-01", \
            "target": """ + TARGET_EXAMPLE + ", \"status\": \"at_risk\"}";
    static final String SERIES_EXAMPLE = """
            {"key": "nps", "interval": "week", "from": "2026-01-05", "to": "2026-01-19", \
            "points": [{"from": "2026-01-05", "to": "2026-01-12", "value": 30.0000, "sampleSize": 40}, \
            {"from": "2026-01-12", "to": "2026-01-19", "value": null, "sampleSize": 0}]}""";
    static final String FUNNEL_EXAMPLE = """
            {"from": "2026-01-01", "to": "2026-02-01", "phases": [{"phase": "awareness", "customers": 200, "conversionToNext": 50.0000}, \
            {"phase": "interest", "customers": 100, "conversionToNext": 40.0000}, \
            {"phase": "consideration", "customers": 40, "conversionToNext": 50.0000}, \
            {"phase": "intent", "customers": 20, "conversionToNext": 50.0000}, {"phase": "purchase", "customers": 10, "conversionToNext": 80.0000}, \
            {"phase": "retention", "customers": 8, "conversionToNext": 25.0000}, {"phase": "advocacy", "customers": 2, "conversionToNext": null}]}""";
    static final String NEGATIVE_PEAKS_EXAMPLE = """
            {"from": "2026-01-01", "to": "2026-02-01", "customers": 80, "negativePeaks": 20, "negativeShare": 25.0000, \
            "types": [{"type": "support.ticket_reopened", "customers": 12, "share": 60.0000}, \
            {"type": "shop.delivery_late", "customers": 8, "share": 40.0000}]}""";

    private KpiDocs() {
    }
}
