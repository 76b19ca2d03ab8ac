package dev.textopt.adapter.web;

import dev.textopt.session.CurrentTenant;
import jakarta.servlet.http.HttpServletRequest;

/** The tenant a request acts for, as {@link ApiKeyFilter} established it. */
final class Tenants {

    private Tenants() {
    }

    static String current(HttpServletRequest request) {
        Object tenant = request.getAttribute(ApiKeyFilter.TENANT_ATTRIBUTE);
        return tenant == null ? CurrentTenant.SINGLE_USER : tenant.toString();
    }
}
