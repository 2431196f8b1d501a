// Helpers shared by the storefront and profile rules over normalized offers
// (DESIGN §1a): leads-missing-destination, leads-destination-not-allowed,
// leads-retired-destination, leads-offer-not-on-storefront and
// leads-undetermined, each in its own file. They share one evaluation
// (rules/profile.cc) so that the same reasons appear in every message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadlint::storefront_util {

std::string Join(const std::vector<std::string>& items);

inline constexpr std::string_view kCrmList = "'table', 'dynamics', 'httpsEndpoint', 'marketo' or 'salesforce'";

}  // namespace leadlint::storefront_util
