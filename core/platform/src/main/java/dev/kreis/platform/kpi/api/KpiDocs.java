package dev.kreis.platform.kpi.api;

/** Texts and examples the KPI endpoints' document repeats; constants because annotations need them. */
final class KpiDocs {
    static final String KEY = "The KPI's key, such as nps, csat or ces";
    static final String FROM = "First day of the period (YYYY-MM-DD, or midnight UTC); left out: the default period length before to";
    static final String TO = "Day after the period, excluded (YYYY-MM-DD, or midnight UTC); left out: tomorrow, so today is included";
    static final String PHASE = "Only touchpoints in this journey phase: awareness, interest, consideration, intent, purchase, retention "
            + "or advocacy";
    static final String MODULE = "Only touchpoints of this module, such as support or core";
    static final String SEGMENT = "Only customers of this segment: kind:person or kind:organisation";

    static final String CUSTOMERS_EXAMPLE = """
            {"items": [{"customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "displayName": "Lena Lead", "kind": "person", "answers": 2, \
            "meanScore": 3.5000, "lastScore": 2, "lastAnsweredAt": "2026-01-30T14:12:00Z"}], "nextCursor": null}""";

    private KpiDocs() {
    }
}
