-- Who deployed each deployment of the engine (Camunda keeps its time and resources, not the person): the user the
-- REST API or a webapp authenticated, or 'system' for the service's own deployment at start-up. Written in the
-- deployment's transaction; a row stays when its deployment is deleted, for the audit.
CREATE TABLE deployment_record (
  deployment_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  deployed_by   VARCHAR(255) NOT NULL,
  deployed_at   TIMESTAMP(3) NOT NULL
);
