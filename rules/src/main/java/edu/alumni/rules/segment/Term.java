package edu.alumni.rules.segment;

/**
 * A helper term of SEGMENTS.md that holds for an alumnus ({@code contactable}, {@code fundraisable},
 * {@code EXECUTIVE}), inserted by the term rules so that each term is defined once, in DRL.
 */
public final class Term {

  public static final String CONTACTABLE = "contactable";
  public static final String FUNDRAISABLE = "fundraisable";
  public static final String EXECUTIVE = "EXECUTIVE";

  private final AlumnusFacts alumnus;
  private final String name;
  /** What made the term hold, for explanations (e.g. the executive word found in the job title). */
  private final String because;

  public Term(AlumnusFacts alumnus, String name, String because) {
    this.alumnus = alumnus;
    this.name = name;
    this.because = because;
  }

  public AlumnusFacts getAlumnus() {
    return alumnus;
  }

  public String getName() {
    return name;
  }

  public String getBecause() {
    return because;
  }
}
