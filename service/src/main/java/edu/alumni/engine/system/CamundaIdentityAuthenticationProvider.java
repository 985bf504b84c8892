package edu.alumni.engine.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks {@code /api} credentials against the Camunda identity service, so one account works in the API, the
 * REST API and the webapps. The user's Camunda groups become its authorities, named by group id (and a unit's staff
 * count as coordinators, see {@link StaffGroups#authorities}).
 *
 * <p>HTTP Basic sends the credentials with every request, and checking them costs a password hash and three
 * engine transactions (a third of the database round trips of a recorded gift). A successful check is therefore
 * remembered for {@code alumni.security.credential-cache}, keyed by a salted SHA-256 of the password (the
 * password itself is not kept): a changed password, a removed user or a changed group takes effect within that
 * time. A wrong password is never remembered; {@code 0s} turns the cache off.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final byte[] salt = new byte[16];
  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  @Autowired
  CamundaIdentityAuthenticationProvider(IdentityService identity,
      @Value("${alumni.security.credential-cache:30s}") Duration ttl) {
    this(identity, ttl, System::nanoTime);
  }

  CamundaIdentityAuthenticationProvider(IdentityService identity, Duration ttl, LongSupplier nanoTime) {
    this.identity = identity;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || credentials == null) {
      throw new BadCredentialsException("Unknown user or wrong password.");
    }
    byte[] digest = digest(credentials.toString());
    long now = nanoTime.getAsLong();
    Checked known = checked.get(user);
    if (known != null && now - known.at() < ttlNanos && MessageDigest.isEqual(known.digest(), digest)) {
      return UsernamePasswordAuthenticationToken.authenticated(user, null, known.groups());
    }
    if (!identity.checkPassword(user, credentials.toString())) {
      checked.remove(user);
      throw new BadCredentialsException("Unknown user or wrong password.");
    }
    List<SimpleGrantedAuthority> groups = StaffGroups.authorities(identity.createGroupQuery().groupMember(user)
        .list()).stream().map(SimpleGrantedAuthority::new).toList();
    if (ttlNanos > 0) {
      checked.put(user, new Checked(digest, groups, now));
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
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

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private record Checked(byte[] digest, List<SimpleGrantedAuthority> groups, long at) {
  }
}
