package org.recourse.directory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.recourse.directory.SourceNote;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads organisation rows (current or from a history snapshot) and writes the JSON columns. */
@Component
class OrganisationRows {

    private static final TypeReference<List<Map<String, String>>> NOTES = new TypeReference<>() {
    };

    private final JsonMapper json;

    OrganisationRows(JsonMapper json) {
        this.json = json;
    }

    Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getObject("id", UUID.class),
                rs.getString("key"),
                rs.getString("name"),
                OrganisationKind.ofCode(rs.getString("kind")),
                rs.getString("country"),
                rs.getString("legal_representative"),
                rs.getString("legal_representative_country"),
                rs.getBoolean("vlop"),
                rs.getBoolean("video_platform"),
                rs.getBoolean("trusted_flagger"),
                rs.getString("dsa_contact"),
                rs.getString("notice_email"),
                rs.getBoolean("notice_xarf"),
                rs.getString("notice_api"),
                rs.getString("notice_form"),
                rs.getString("website"),
                rs.getString("phone"),
                strings(rs.getArray("languages")),
                strings(rs.getArray("aliases")),
                strings(rs.getArray("domains")),
                notes(rs.getString("source_notes")),
                rs.getInt("version"));
    }

    String notesJson(List<SourceNote> notes) {
        return json.writeValueAsString(notes.stream().map(note -> {
            Map<String, String> node = new LinkedHashMap<>();
            node.put("date", note.date().toString());
            node.put("source", note.source());
            node.put("text", note.text());
            return node;
        }).toList());
    }

    /** A list as a JSON array, which SQL turns into text[]: safe for any character in the values. */
    String listJson(List<String> values) {
        return json.writeValueAsString(values);
    }

    private List<SourceNote> notes(String column) {
        if (column == null) {
            return List.of();
        }
        return json.readValue(column, NOTES).stream()
                .map(node -> new SourceNote(LocalDate.parse(node.get("date")), node.get("source"), node.get("text")))
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
