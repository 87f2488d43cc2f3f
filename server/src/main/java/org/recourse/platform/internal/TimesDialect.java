package org.recourse.platform.internal;

import java.util.Set;

import org.recourse.platform.DisplayTime;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link DisplayTime} available to every template as {@code #times}. */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "times";

    private final DisplayTime times;

    TimesDialect(DisplayTime times) {
        super("Recourse display times");
        this.times = times;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? times : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
