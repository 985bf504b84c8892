package edu.alumni.engine.reunion;

import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RsvpController {

  private final RsvpService rsvps;

  RsvpController(RsvpService rsvps) {
    this.rsvps = rsvps;
  }

  @PostMapping(path = "/api/reunions/{businessKey}/rsvps", consumes = "application/json")
  Map<String, Object> answer(@PathVariable String businessKey, @RequestBody(required = false) RsvpRequest request,
      Principal who) {
    int headCount = rsvps.answer(businessKey, request, who.getName());
    return Map.of("businessKey", businessKey, "studentNo", request.studentNo().strip().toUpperCase(),
        "attending", request.attending(), "headCount", headCount);
  }
}
