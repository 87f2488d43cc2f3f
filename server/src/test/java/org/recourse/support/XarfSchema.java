package org.recourse.support;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The official XARF v4 schemas (mirrored unchanged in {@code src/test/resources/xarf}, see its
 * README) through a JSON-schema validator, with format assertions on (uuid, date-time, email, uri).
 * Their {@code https://xarf.org/schemas/v4/} identifiers resolve to the mirrored files; nothing is
 * fetched from the network.
 */
public final class XarfSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaLoader(loader -> loader.schemaIdResolvers(ids -> ids
                            .mapPrefix("https://xarf.org/schemas/v4/", "classpath:xarf/v4/"))));

    private XarfSchema() {
    }

    /** Every way {@code report} breaks the master schema and the schema of the type it claims; empty when valid. */
    public static List<String> violations(JsonNode report) {
        String type = report.path("category").asString("") + "-" + report.path("type").asString("").replace('_', '-');
        List<String> found = new java.util.ArrayList<>(messages(schema("xarf-v4-master.json").validate(report)));
        if (XarfSchema.class.getResource("/xarf/v4/types/" + type + ".json") == null) {
            found.add("no XARF v4 type schema for " + type);
        } else {
            found.addAll(messages(schema("types/" + type + ".json").validate(report)));
        }
        return found;
    }

    private static Schema schema(String path) {
        return REGISTRY.getSchema(SchemaLocation.of("https://xarf.org/schemas/v4/" + path));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
