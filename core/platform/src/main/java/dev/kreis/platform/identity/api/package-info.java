/** REST API for sources that submit profiles: {@code POST /api/v1/profiles}. */
package dev.kreis.platform.identity.api;
