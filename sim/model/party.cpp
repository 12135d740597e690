#include "parley/model/party.hpp"

namespace parley {

const char* to_string(Role role) {
  switch (role) {
    case Role::belligerent: return "belligerent";
    case Role::mediator: return "mediator";
    case Role::guarantor: return "guarantor";
    case Role::observer: return "observer";
  }
  return "?";
}

}  // namespace parley
