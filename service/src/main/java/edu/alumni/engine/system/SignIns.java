package edu.alumni.engine.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks a user's password against the Camunda identity service and reads what a signed-in user needs: its groups,
 * its tenants and its authorities in {@code /api} ({@link StaffGroups#authorities}). One account works in
 * {@code /api}, {@code /engine-rest}, the context pages and the webapps.
 *
 * <p>HTTP Basic sends the credentials with every request, and checking them costs a password hash and three
 * engine transactions (a third of the database round trips of a recorded gift, and most of a small task query's).
 * A successful check is therefore remembered for {@code alumni.security.credential-cache}, keyed by a salted
 * SHA-256 of the password (the password itself is not kept): a changed password, a removed user or a changed group
 * takes effect within that time. A wrong password is never remembered; {@code 0s} turns the cache off.
 */
@Component
public class SignIns {

  private static final String BASIC = "Basic ";

  private final IdentityService identity;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final byte[] salt = new byte[16];
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  @Autowired
  SignIns(IdentityService identity, @Value("${alumni.security.credential-cache:30s}") Duration ttl) {
    this(identity, ttl, System::nanoTime);
  }

  SignIns(IdentityService identity, Duration ttl, LongSupplier nanoTime) {
    this.identity = identity;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    new SecureRandom().nextBytes(salt);
  }

  /** Whether these sign-ins are checked against that identity service (the one engine's). */
  boolean checksAgainst(IdentityService identityService) {
    return identity == identityService;
  }

  /** The signed-in user, or empty for an unknown user or a wrong password. */
  public Optional<SignIn> check(String user, String password) {
    if (user == null || user.isEmpty() || password == null) {
      return Optional.empty();
    }
    byte[] digest = digest(password);
    long now = nanoTime.getAsLong();
    Remembered known = remembered.get(user);
    if (known != null && now - known.at() < ttlNanos && MessageDigest.isEqual(known.digest(), digest)) {
      return Optional.of(known.signIn());
    }
    if (!identity.checkPassword(user, password)) {
      remembered.remove(user);
      return Optional.empty();
    }
    List<Group> groups = identity.createGroupQuery().groupMember(user).list();
    // the tenants as Camunda's REST filter reads them: the user's own and its groups'
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    SignIn signIn = new SignIn(user, groups.stream().map(Group::getId).toList(), tenants,
        StaffGroups.authorities(groups));
    if (ttlNanos > 0) {
      remembered.put(user, new Remembered(digest, signIn, now));
    }
    return Optional.of(signIn);
  }

  /**
   * The user signed in by an HTTP Basic {@code Authorization} header, or empty for none, a malformed one, an
   * unknown user or a wrong password.
   */
  public Optional<SignIn> checkBasic(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(BASIC.length()).strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 1 ? Optional.empty() : check(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  private byte[] digest(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * A signed-in user: {@code groupIds} and {@code tenantIds} as the engine knows them (for its authorization
   * checks), {@code authorities} as {@code /api} sees them (a unit's staff also count as coordinators).
   */
  public record SignIn(String userId, List<String> groupIds, List<String> tenantIds, List<String> authorities) {
  }

  private record Remembered(byte[] digest, SignIn signIn, long at) {
  }
}
