package org.recourse.intake.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.recourse.evidence.EvidenceVault;
import org.springframework.stereotype.Component;

/** Files reporters add go into the evidence vault, encrypted as they stream in; intake keeps only the reference. */
@Component
class EvidenceVaultHandOff implements MaterialHandOff {

    private final EvidenceVault vault;

    EvidenceVaultHandOff(EvidenceVault vault) {
        this.vault = vault;
    }

    @Override
    public String store(UUID caseId, String fileName, String contentType, long size, InputStream content) throws IOException {
        return vault.storeReporterFile(caseId, fileName, contentType, content).id().toString();
    }
}
