package org.recourse.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page: what Recourse is, where to report, where to get help now. */
@Controller
class PublicPages {

    @GetMapping("/")
    String home() {
        return "platform/home";
    }
}
