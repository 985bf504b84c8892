package edu.alumni.engine.system;

import edu.alumni.engine.catalogue.Catalogue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups that are missing, at every start (idempotent), before the web server takes requests;
 * existing groups are left as they are.
 */
@Component
class StaffGroupsInitializer implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StaffGroupsInitializer.class);

  private final IdentityService identity;
  private final Catalogue catalogue;

  StaffGroupsInitializer(IdentityService identity, Catalogue catalogue) {
    this.identity = identity;
    this.catalogue = catalogue;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int created = 0;
    for (var entry : StaffGroups.all(catalogue).entrySet()) {
      if (identity.createGroupQuery().groupId(entry.getKey()).count() == 0) {
        Group group = identity.newGroup(entry.getKey());
        group.setName(entry.getValue()[0]);
        group.setType(entry.getValue()[1]);
        identity.saveGroup(group);
        created++;
      }
    }
    if (created > 0) {
      log.info("Created {} staff groups", created);
    }
  }
}
