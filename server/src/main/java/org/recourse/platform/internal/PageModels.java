package org.recourse.platform.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page that is about to be rendered what its layout needs ({@link PageModel}s). As
 * {@code @ModelAttribute} methods of a controller advice these ran for every request, the partner
 * and match APIs' included (a twentieth of the server's CPU per partner report).
 */
@Configuration(proxyBeanMethods = false)
class PageModels implements WebMvcConfigurer, HandlerInterceptor {

    private final List<PageModel> models;

    PageModels(List<PageModel> models) {
        this.models = models;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && rendersPage(page)) {
            models.forEach(model -> model.addTo(request, page.getModelMap()));
        }
    }

    private static boolean rendersPage(ModelAndView page) {
        if (page.getView() != null) {
            return true;
        }
        String name = page.getViewName();
        return name != null && !name.startsWith("redirect:") && !name.startsWith("forward:");
    }
}
