package edu.alumni.engine.reunion;

public record MilestoneCohort(String college, int graduationYear, long members) {
}
