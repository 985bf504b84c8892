package edu.alumni.engine.console;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console at {@code /console/}: a single page bundled by the Maven build into
 * {@code static/console/} (sources in {@code src/main/frontend}). The page itself needs no sign-in; every call it
 * makes to {@code /api} and {@code /engine-rest} carries the user's HTTP Basic credentials and is checked there.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

  private final String location;

  ConsoleWebConfiguration(@Value("${alumni.console.location}") String location) {
    this.location = location.endsWith("/") ? location : location + "/";
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/");
    registry.addViewController("/console/").setViewName("forward:/console/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // bundles carry a content hash in their name: cached for good; index.html names the current ones, so it is
    // revalidated on every load
    registry.addResourceHandler("/console/assets/**").addResourceLocations(location + "assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry.addResourceHandler("/console/**").addResourceLocations(location)
        .setCacheControl(CacheControl.noCache());
  }
}
