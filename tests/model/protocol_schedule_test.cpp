// Who proposes when (DESIGN 1.7): the schedule the engine, the strategies and the solver share.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

#include "parley/model/protocol_schedule.hpp"

using namespace parley;

namespace {

const std::vector<std::size_t> veto{0, 2};

}  // namespace

TEST_CASE("protocol schedule: alternating proposers cycle over the talk periods", "[model]") {
  ProtocolParams protocol;
  protocol.every = 4;
  const ProtocolSchedule schedule(protocol, veto, 3, 10);
  CHECK(schedule.talk_periods() == 3);  // t = 0, 4, 8
  CHECK(schedule.talks_at(4));
  CHECK(!schedule.talks_at(5));
  CHECK(schedule.talk_index(8) == 2);
  CHECK(schedule.talk_index(3) == -1);
  CHECK(schedule.next_talks(0) == 4);
  CHECK(schedule.next_talks(8) == 10);
  // An empty order is the veto parties in scenario order; k counts talk periods.
  CHECK(schedule.proposers(0).size() == 1);
  CHECK(schedule.proposers(0)[0].party == 0);
  CHECK(schedule.proposers(1)[0].party == 2);
  CHECK(schedule.proposers(2)[0].party == 0);
  CHECK(!schedule.mediator_first());
}

TEST_CASE("protocol schedule: random recognition and its inversion", "[model]") {
  ProtocolParams protocol;
  protocol.kind = ProtocolParams::Kind::random;
  protocol.recognition = {0.25, 0.0, 0.75};
  const ProtocolSchedule schedule(protocol, veto, 3, 5);
  const auto who = schedule.proposers(3);
  REQUIRE(who.size() == 2);
  CHECK(who[0].party == 0);
  CHECK(who[0].probability == 0.25);
  CHECK(who[1].party == 2);
  CHECK(who[1].stage == 0);
  CHECK(schedule.recognised(0.2) == 0);
  CHECK(schedule.recognised(0.25) == 2);
  CHECK(schedule.recognised(0.999) == 2);
  // Without probabilities: equal over the order.
  ProtocolParams equal;
  equal.kind = ProtocolParams::Kind::random;
  equal.order = {2, 0};
  const ProtocolSchedule even(equal, veto, 3, 5);
  CHECK(even.recognition()[0] == 0.5);
  CHECK(even.recognition()[1] == 0.0);
  CHECK(even.proposers(0)[0].party == 2);  // in the order's order
  // Probabilities that do not sum to 1 are rejected.
  protocol.recognition = {0.25, 0.0, 0.5};
  CHECK_THROWS_AS(ProtocolSchedule(protocol, veto, 3, 5), std::invalid_argument);
}

TEST_CASE("protocol schedule: the mediator first, then one stage per counter-proposer", "[model]") {
  ProtocolParams protocol;
  protocol.kind = ProtocolParams::Kind::mediated;
  protocol.mediator = 1;
  protocol.order = {2, 1, 0};
  const ProtocolSchedule schedule(protocol, veto, 3, 5);
  CHECK(schedule.mediator_first());
  CHECK(schedule.mediator() == 1);
  const auto who = schedule.proposers(0);
  REQUIRE(who.size() == 2);
  CHECK(who[0].party == 2);
  CHECK(who[0].stage == 0);
  CHECK(who[1].party == 0);
  CHECK(who[1].stage == 1);
  protocol.counter = false;
  CHECK(ProtocolSchedule(protocol, veto, 3, 5).proposers(0).empty());
  protocol.mediator = 3;
  CHECK_THROWS_AS(ProtocolSchedule(protocol, veto, 3, 5), std::invalid_argument);
}
