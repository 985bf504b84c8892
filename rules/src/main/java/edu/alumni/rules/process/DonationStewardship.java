package edu.alumni.rules.process;

/** Donation stewardship (PROCESSES.md §3): process key, task keys, variable names. */
public final class DonationStewardship {

  public static final String PROCESS_KEY = "donationStewardship";
  /** {@code gift-{gift_ref}} */
  public static final String BUSINESS_KEY_FORMAT = "gift-%s";

  public static final String CLASSIFY_GIFT = "classifyGift";
  public static final String SIGN_AGREEMENT = "signAgreement";
  public static final String ISSUE_RECEIPT = "issueReceipt";
  public static final String ACKNOWLEDGE_GIFT = "acknowledgeGift";
  public static final String CHASE_ACKNOWLEDGEMENT = "chaseAcknowledgement";
  public static final String ALLOCATE_GIFT = "allocateGift";
  public static final String PREPARE_RECOGNITION = "prepareRecognition";
  public static final String SEND_IMPACT_REPORT = "sendImpactReport";
  public static final String ASK_RENEWAL = "askRenewal";
  public static final String CHECK_FUNDRAISABLE = "checkFundraisable";

  public static final String VAR_GIFT_REF = "giftRef";
  /** Who recorded the gift through the API (the instance has no Camunda start user: see GiftRecordingService). */
  public static final String VAR_RECORDED_BY = "recordedBy";
  public static final String VAR_TIER = "giftTier";
  public static final String VAR_AGREEMENT_REQUIRED = "agreementRequired";
  public static final String VAR_RESTRICTED = "restrictedFund";
  public static final String VAR_GIFT_DATE = "giftDate";
  public static final String VAR_IMPACT_REPORT_DATE = "impactReportDate";
  public static final String VAR_RENEWAL_DATE = "renewalDate";
  public static final String VAR_STILL_FUNDRAISABLE = "stillFundraisable";
  public static final String VAR_RECEIPT_NO = "receiptNo";

  public static final String TIER_PRINCIPAL = "PRINCIPAL";
  public static final String TIER_MAJOR = "MAJOR";
  public static final String TIER_LEADERSHIP = "LEADERSHIP";
  public static final String TIER_ANNUAL = "ANNUAL";

  private DonationStewardship() {
  }
}
