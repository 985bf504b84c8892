package edu.alumni.engine.process;

import java.util.List;

/** A process key with every deployed version, newest first, and the instances running on all of them. */
public record ProcessSummary(String key, String name, int latestVersion, long runningInstances,
    List<ProcessVersion> versions) {
}
