package org.recourse.support;

import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against a schema of an OpenAPI 3.1 document (the dialect OpenAPI 3.1 uses, JSON
 * Schema 2020-12, with format assertions on), so a test can check that what the server sends or
 * answers is what its document promises.
 */
public final class OpenApiSchemas {

    private static final String LOCATION = "https://recourse.test/openapi.json";

    private final SchemaRegistry registry;

    public OpenApiSchemas(String document) {
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(LOCATION, document)));
    }

    /** Every way {@code value} breaks the schema at {@code pointer} (e.g. {@code /components/schemas/Notice}); empty when valid. */
    public List<String> violations(String pointer, JsonNode value) {
        return registry.getSchema(SchemaLocation.of(LOCATION + "#" + pointer)).validate(value).stream()
                .map(Error::toString).toList();
    }
}
