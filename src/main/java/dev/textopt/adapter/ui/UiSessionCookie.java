package dev.textopt.adapter.ui;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.EnumSet;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only the web view uses an HTTP session (the API is stateless), so its cookie is scoped to it:
 * {@code TEXTOPT_UI}, {@code Path=/ui}, HttpOnly, SameSite=Strict, and never a session id in a URL.
 */
@Configuration(proxyBeanMethods = false)
class UiSessionCookie {

    static final String NAME = "TEXTOPT_UI";

    @Bean
    ServletContextInitializer uiSessionCookieConfig() {
        return context -> {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setName(NAME);
            cookie.setPath("/ui");
            cookie.setHttpOnly(true);
            context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        };
    }

    @Bean
    CookieSameSiteSupplier uiSessionCookieSameSite() {
        return CookieSameSiteSupplier.ofStrict().whenHasName(NAME);
    }
}
