package edu.alumni.engine.system;

import static edu.alumni.engine.system.StaffGroups.ADMINS;
import static edu.alumni.engine.system.StaffGroups.AUDITORS;
import static edu.alumni.engine.system.StaffGroups.COORDINATORS;
import static edu.alumni.engine.system.StaffGroups.FOUNDATION_FINANCE;
import static edu.alumni.engine.system.StaffGroups.MANAGERS;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api}: HTTP Basic against the Camunda identity service, stateless, roles by group (API.md "who"). The roles
 * here are the whole check: {@code /api} code calls the engine without signing the user in to it, so the engine's
 * authorizations (authorization.AccessTable) do not narrow what the service reads or starts on the user's behalf.
 * {@code /engine-rest}: Camunda's own authentication filter, so the engine knows the user and its groups and checks
 * its authorizations. The webapps ({@code /camunda/**}) keep their own login and are not touched here.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/alumni/import").hasAnyAuthority(COORDINATORS, MANAGERS, ADMINS)
            .requestMatchers(HttpMethod.GET, "/api/alumni", "/api/alumni/**")
            .hasAnyAuthority(COORDINATORS, MANAGERS, AUDITORS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/gifts/import", "/api/gifts")
            .hasAnyAuthority(FOUNDATION_FINANCE, MANAGERS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/reunions/*/rsvps").hasAnyAuthority(COORDINATORS, MANAGERS, ADMINS)
            .requestMatchers(HttpMethod.GET, "/api/segments").authenticated()
            // the console asks who is signed in, whatever their role, to show its pages or "no access"
            .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
            .requestMatchers(HttpMethod.GET, "/api/segments/*/members")
            .hasAnyAuthority(COORDINATORS, MANAGERS, AUDITORS, ADMINS)
            .requestMatchers(HttpMethod.GET, "/api/segmentation/**", "/api/rules", "/api/rules/**")
            .hasAnyAuthority(MANAGERS, AUDITORS, ADMINS)
            // the audit trail: historic instances and their timelines
            .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyAuthority(AUDITORS, MANAGERS, ADMINS)
            // deployed processes and their versions; changing them (instance migration) is for managers
            .requestMatchers(HttpMethod.GET, "/api/processes", "/api/processes/**")
            .hasAnyAuthority(MANAGERS, AUDITORS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/processes/**").hasAnyAuthority(MANAGERS, ADMINS)
            .anyRequest().hasAnyAuthority(MANAGERS, ADMINS))
        .httpBasic(basic -> basic.realmName("alumni-engagement")
            .authenticationEntryPoint((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"alumni-engagement\"");
              writeProblem(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                  "Sign in with HTTP Basic using your account (the same as for Tasklist).");
            }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            writeProblem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your account is not in a group allowed to " + request.getMethod() + " " + request.getRequestURI()
                    + "; ask an administrator for the role.")))
        // Stateless Basic authentication: no session cookie, so no CSRF exposure.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type,
      String title, String detail) throws IOException {
    ProblemDetail p = ProblemAdvice.problem(status, type, title, detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), p);
  }

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(SignIns signIns) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(signIns));
    registration.setName("camunda-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /**
   * Camunda's filter, with two changes. It lets {@code GET /engine-rest/engine} (the engine names) through without
   * credentials; API.md says nothing in {@code /engine-rest} answers without authentication, so every path requires
   * it here. And sign-ins are remembered as in {@code /api} ({@link RememberedBasicAuthenticationProvider}).
   */
  static final class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    private final SignIns signIns;

    EngineRestAuthenticationFilter(SignIns signIns) {
      this.signIns = signIns;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
      super.init(config); // requires and instantiates the provider named in the init parameter
      authenticationProvider = new RememberedBasicAuthenticationProvider(signIns);
    }

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
      return true;
    }
  }
}
