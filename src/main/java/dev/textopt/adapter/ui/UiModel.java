package dev.textopt.adapter.ui;

import dev.textopt.session.ApiKeyLookup;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the web view needs: whether keys are on (then it offers to sign out). */
@ControllerAdvice(assignableTypes = {UiController.class, LoginController.class})
class UiModel {

    private final ApiKeyLookup keys;

    UiModel(ApiKeyLookup keys) {
        this.keys = keys;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("keysOn", keys.enabled());
    }
}
