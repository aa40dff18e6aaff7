//! Countries: the assigned ISO 3166-1 alpha-2 codes, plus `XK` (Kosovo, used by INTERPOL and
//! the EU). Any case is read (`"us"` is `US`); anything else is not a country.

/// The 249 assigned codes and `XK`, sorted (data, checked against ISO 3166-1 as of 2026).
const CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// A country code, upper case (a slice of the built-in code list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Country(&'static str);

impl Country {
    pub const US: Country = Country("US");
    pub const AU: Country = Country("AU");

    /// Reads an alpha-2 code in any case, with surrounding white space.
    pub fn parse(text: &str) -> Option<Country> {
        let [a, b] = *crate::text::trim(text).as_bytes() else {
            return None;
        };
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        // A binary search of the sorted list: code `i` is at byte `3 * i`.
        let (mut lo, mut hi) = (0, CODES.len().div_ceil(3));
        while lo < hi {
            let mid = (lo + hi) / 2;
            let at = CODES.get(3 * mid..3 * mid + 2)?;
            match at.as_bytes().cmp(&code[..]) {
                core::cmp::Ordering::Less => lo = mid + 1,
                core::cmp::Ordering::Greater => hi = mid,
                core::cmp::Ordering::Equal => return Some(Country(at)),
            }
        }
        None
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl serde::Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Country, D::Error> {
        let text = alloc::string::String::deserialize(d)?;
        Country::parse(&text).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&text),
                &"an ISO 3166-1 alpha-2 country code",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_assigned_codes_in_any_case() {
        assert_eq!(Country::parse("us"), Some(Country::US));
        assert_eq!(Country::parse(" Au "), Some(Country::AU));
        assert_eq!(
            Country::parse("xk").map(|c| c.as_str().to_string()),
            Some("XK".into())
        );
        assert_eq!(CODES.split(' ').count(), 250);
        for code in CODES.split(' ') {
            assert_eq!(Country::parse(code).map(|c| c.as_str()), Some(code));
        }
        let mut sorted: Vec<&str> = CODES.split(' ').collect();
        sorted.sort_unstable();
        assert_eq!(sorted.join(" "), CODES, "sorted, for the binary search");
    }

    #[test]
    fn rejects_what_is_not_assigned() {
        for bad in ["", "U", "USA", "UK", "EU", "ZZ", "1A", "U S", "é"] {
            assert_eq!(Country::parse(bad), None, "{bad}");
        }
    }
}
