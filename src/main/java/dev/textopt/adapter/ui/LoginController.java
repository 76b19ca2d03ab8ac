package dev.textopt.adapter.ui;

import dev.textopt.session.ApiKeyLookup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the web view with an API key, when keys are on. The key is checked and forgotten:
 * the HTTP session keeps the tenant only, under a fresh session id.
 */
@Controller
class LoginController {

    private final ApiKeyLookup keys;

    LoginController(ApiKeyLookup keys) {
        this.keys = keys;
    }

    @GetMapping(UiSecurityFilter.LOGIN)
    String form() {
        return keys.enabled() ? "ui/login" : "redirect:/ui";
    }

    @PostMapping(UiSecurityFilter.LOGIN)
    String login(@RequestParam(defaultValue = "") String key, HttpServletRequest request, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        if (!keys.enabled()) {
            return "redirect:/ui";
        }
        var tenant = keys.tenantFor(key.strip());
        if (tenant.isEmpty()) {
            model.addAttribute("error", "That key is not valid. Check it, or ask the operator for one.");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "ui/login";
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(UiSecurityFilter.TENANT, tenant.get());
        return "redirect:/ui";
    }

    @PostMapping("/ui/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return keys.enabled() ? "redirect:" + UiSecurityFilter.LOGIN : "redirect:/ui";
    }
}
