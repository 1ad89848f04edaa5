package io.digiready.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.digiready.protocol.Limits;
import org.junit.jupiter.api.Test;

/** The route table answers what Javalin would match, and each route's body limit. */
class RouteTest {
  @Test
  void a_request_finds_its_route_as_javalin_matches_it() {
    assertThat(Route.find("POST", "/api/v1/heartbeats")).isEqualTo(Route.HEARTBEATS);
    assertThat(Route.find("POST", "/api/v1/heartbeats//")).isEqualTo(Route.HEARTBEATS);
    assertThat(Route.find("GET", "/api/v1/heartbeats")).isNull();
    assertThat(Route.find("GET", "/api/v1/units")).isEqualTo(Route.UNITS);
    assertThat(Route.find("POST", "/api/v1/units")).isEqualTo(Route.UNIT_CREATE);
    assertThat(Route.find("PUT", "/api/v1/units/krong-nang")).isEqualTo(Route.UNIT_UPDATE);
    assertThat(Route.find("GET", "/api/v1/units/krong-nang/history")).isEqualTo(Route.UNIT_HISTORY);
    assertThat(Route.find("POST", "/api/v1/units/import")).isEqualTo(Route.UNITS_IMPORT);
    assertThat(Route.find("GET", "/api/v1/units//history")).isNull();
    assertThat(Route.find("GET", "/nowhere")).isNull();
    assertThat(Route.HEARTBEATS.matches("POST", "/api/v1/heartbeats/")).isTrue();
    assertThat(Route.HEARTBEATS.matches("POST", "/api/v1/inventory")).isFalse();
  }

  @Test
  void enrollment_bodies_are_held_to_their_own_smaller_limit() {
    assertThat(Route.maxBodyBytes("POST", "/api/v1/enroll/"))
        .isEqualTo(Limits.MAX_ENROLL_BODY_BYTES)
        .isLessThan(Limits.MAX_BODY_BYTES);
    assertThat(Route.maxBodyBytes("POST", "/api/v1/heartbeats")).isEqualTo(Limits.MAX_BODY_BYTES);
    assertThat(Route.maxBodyBytes("POST", "/no/such/route")).isEqualTo(Limits.MAX_BODY_BYTES);
  }

  @Test
  void the_heartbeat_route_is_an_agent_route() {
    assertThat(Route.HEARTBEATS.access()).isEqualTo(Access.AGENT);
    assertThat(Route.ENROLL.access()).isEqualTo(Access.PUBLIC);
  }
}
