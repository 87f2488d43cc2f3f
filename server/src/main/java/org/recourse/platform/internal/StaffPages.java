package org.recourse.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff dashboard every signed-in staff member lands on; modules add their entries. */
@Controller
class StaffPages {

    @GetMapping("/staff")
    String dashboard() {
        return "platform/dashboard";
    }
}
