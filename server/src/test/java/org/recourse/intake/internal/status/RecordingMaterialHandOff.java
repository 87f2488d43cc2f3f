package org.recourse.intake.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * Stands in for the evidence vault in tests: records what the status page hands over, so a test
 * can check that the reporter's file arrived intact and under the right case.
 */
@Component
public class RecordingMaterialHandOff implements MaterialHandOff {

    public record Stored(UUID caseId, String fileName, long size, byte[] content) {
    }

    public final List<Stored> stored = new CopyOnWriteArrayList<>();

    @Override
    public String store(UUID caseId, String fileName, String contentType, long size, InputStream content) throws IOException {
        stored.add(new Stored(caseId, fileName, size, content.readAllBytes()));
        return "test-vault:" + stored.size();
    }
}
