package org.recourse.matching.internal.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives look-up handlers their {@link LookupQuery}, read from the request without taking a lock. */
@Configuration(proxyBeanMethods = false)
class LookupQueryResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == LookupQuery.class;
    }

    @Override
    public LookupQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                       WebDataBinderFactory binders) {
        return LookupQuery.of(request.getNativeRequest(HttpServletRequest.class));
    }
}
