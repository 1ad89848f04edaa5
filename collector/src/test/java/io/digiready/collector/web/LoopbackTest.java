package io.digiready.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackTest {
  @Test
  void only_a_loopback_address_literal_is_local() {
    for (String loopback :
        new String[] {"127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "[0:0:0:0:0:0:0:1]"}) {
      assertThat(ClientAddress.loopback(loopback)).as(loopback).isTrue();
    }
    for (String remote :
        new String[] {"10.1.2.3", "192.168.1.20", "203.0.113.7", "fe80::1", "0.0.0.0", "::"}) {
      assertThat(ClientAddress.loopback(remote)).as(remote).isFalse();
    }
    // Never a name: no lookup, not local.
    assertThat(ClientAddress.loopback("localhost")).isFalse();
    assertThat(ClientAddress.loopback(null)).isFalse();
  }
}
