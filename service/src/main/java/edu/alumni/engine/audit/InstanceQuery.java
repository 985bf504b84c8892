package edu.alumni.engine.audit;

import java.util.Collection;
import java.util.Date;

/**
 * The list's filters as {@link AuditMapper#selectInstanceIds} takes them; null means "any". {@code businessKeys}:
 * one of these (the instances concerning an alumnus).
 */
public record InstanceQuery(String processKey, String businessKey, Date startedAfter, Date startedBefore,
    Collection<String> businessKeys) {
}
