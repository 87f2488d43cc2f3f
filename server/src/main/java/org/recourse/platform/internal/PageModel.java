package org.recourse.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.ModelMap;

/**
 * Something every rendered page's layout shows (the staff menu, the demo-data banner). Added by
 * {@link PageModels} after the controller, to pages only: JSON answers and redirects skip it.
 * A controller that set the same attribute itself keeps its own.
 */
public interface PageModel {

    void addTo(HttpServletRequest request, ModelMap model);
}
