package edu.alumni.engine.segment;

import java.math.BigDecimal;

/** An alumnus' gifts of one calendar year up to D: their sum, and the largest of them after D - 5 years. */
public record GiftYearRow(String studentNo, int giftYear, BigDecimal total, BigDecimal maxRecent) {
}
