/**
 * Bulk CSV import and export: files of profiles and touchpoints imported through the same validation,
 * identity resolution and ingestion as the API, in committed chunks a restarted node resumes; and CSV
 * exports of customers, touchpoints and KPI series, safe to open in a spreadsheet. See docs/imports.md.
 */
package dev.kreis.platform.bulk;
