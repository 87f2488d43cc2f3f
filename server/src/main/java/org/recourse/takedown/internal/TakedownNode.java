package org.recourse.takedown.internal;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** This node's name in the outbox and check records, so operators can see which node did what. */
@Component
public class TakedownNode {

    private final String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }
}
