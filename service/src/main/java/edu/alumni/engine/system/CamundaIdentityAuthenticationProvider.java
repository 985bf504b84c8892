package edu.alumni.engine.system;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * {@code /api} sign-in: the credentials are checked by {@link SignIns} (remembered for a short while), and the
 * user's Camunda groups become its authorities, named by group id.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final SignIns signIns;

  CamundaIdentityAuthenticationProvider(SignIns signIns) {
    this.signIns = signIns;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    Object credentials = authentication.getCredentials();
    SignIns.SignIn signIn = signIns.check(authentication.getName(), credentials == null ? null : credentials.toString())
        .orElseThrow(() -> new BadCredentialsException("Unknown user or wrong password."));
    List<SimpleGrantedAuthority> authorities = signIn.authorities().stream().map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(signIn.userId(), null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
