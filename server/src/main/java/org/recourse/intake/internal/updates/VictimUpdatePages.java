package org.recourse.intake.internal.updates;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The stop link in an update e-mail. Opening it changes nothing (mail programs and scanners open
 * links); the page asks, and the button stops the e-mails.
 */
@Controller
class VictimUpdatePages {

    private final TellingReporters telling;

    VictimUpdatePages(TellingReporters telling) {
        this.telling = telling;
    }

    @GetMapping("/status/updates/stop")
    String confirm(@RequestParam(name = "t", defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("token", token.length() > 100 ? "" : token);
        return "intake/updates-stop";
    }

    @PostMapping("/status/updates/stop")
    String stop(@RequestParam(name = "t", defaultValue = "") String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!telling.stopWithToken(token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("stopError", "intake.updates.stop.unknown");
            model.addAttribute("token", "");
            return "intake/updates-stop";
        }
        return "intake/updates-stopped";
    }
}
