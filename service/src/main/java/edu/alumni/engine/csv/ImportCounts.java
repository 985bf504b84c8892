package edu.alumni.engine.csv;

/** Running counts of an import. */
public final class ImportCounts {
  public int imported;
  public int updated;
  public int unchanged;
  public int duplicates;
  public int rejected;
}
