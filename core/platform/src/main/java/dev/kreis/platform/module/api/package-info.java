/** REST API of the module registry: {@code /api/v1/modules}. */
package dev.kreis.platform.module.api;
