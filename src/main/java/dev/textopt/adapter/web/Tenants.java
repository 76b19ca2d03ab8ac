package dev.textopt.adapter.web;

import jakarta.servlet.http.HttpServletRequest;

/** The tenant a request acts for, as {@link ApiKeyFilter} established it. */
final class Tenants {

    private Tenants() {
    }

    static String current(HttpServletRequest request) {
        Object tenant = request.getAttribute(ApiKeyFilter.TENANT_ATTRIBUTE);
        return tenant == null ? dev.textopt.session.CurrentTenant.SINGLE_USER : tenant.toString();
    }
}
