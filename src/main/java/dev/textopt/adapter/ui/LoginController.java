package dev.textopt.adapter.ui;

import dev.textopt.session.ApiKeyLookup;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page of the web view, when API keys are on. Spring Security's form login (see
 * {@link UiSecurity}) handles what the page posts, and sign-out.
 */
@Controller
class LoginController {

    private final ApiKeyLookup keys;

    LoginController(ApiKeyLookup keys) {
        this.keys = keys;
    }

    @GetMapping(UiSecurity.LOGIN)
    String form() {
        return keys.enabled() ? "ui/login" : "redirect:/ui";
    }
}
