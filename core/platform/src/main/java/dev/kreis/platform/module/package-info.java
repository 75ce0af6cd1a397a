/**
 * The module registry: which modules exist (bundled jars and uploaded declarative descriptors), which
 * are installed and enabled, what each contributed, and the lifecycle an admin drives through
 * {@code /api/v1/modules}. While a module is not enabled its API answers 404, its touchpoint types are
 * refused and its KPIs are hidden.
 */
package dev.kreis.platform.module;
