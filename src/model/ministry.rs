//! The **ministry** record (`data/ministry.yaml`): what a ministry's letters
//! say about the sender in the Rijkshuisstijl letterhead — the sending unit,
//! the visiting and postal addresses, the website — and the logo file it
//! signs with. One record; a dossier whose ministry it names uses it.

/// The sending ministry as its letters present it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ministry {
    /// "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties": the
    /// wordmark, and the name a dossier's ministry is matched with.
    pub name: String,
    /// The sending unit, one line each: directorate-general, directorate.
    pub unit: Vec<String>,
    /// "Turfmarkt 147", "2511 DP Den Haag".
    pub visiting_address: Vec<String>,
    /// "Postbus 20011", "2500 EA Den Haag": also the return address.
    pub postal_address: Vec<String>,
    /// "www.rijksoverheid.nl"
    pub website: Option<String>,
}

impl Ministry {
    /// The return-address line above the addressee: "Postbus 20011 2500 EA
    /// Den Haag" (the postal address on one line).
    pub fn return_address(&self) -> Option<String> {
        (!self.postal_address.is_empty()).then(|| self.postal_address.join(" "))
    }

    /// Whether this is the ministry called `name` (any case, spaces as
    /// written).
    pub fn is(&self, name: &str) -> bool {
        self.name.trim().eq_ignore_ascii_case(name.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_return_address_is_the_postal_address_on_one_line() {
        let m = Ministry {
            name: "Ministerie van BZK".into(),
            postal_address: vec!["Postbus 20011".into(), "2500 EA Den Haag".into()],
            ..Ministry::default()
        };
        assert_eq!(m.return_address().as_deref(), Some("Postbus 20011 2500 EA Den Haag"));
        assert!(m.is("ministerie van bzk") && !m.is("Ministerie van Defensie"));
        assert_eq!(Ministry::default().return_address(), None);
    }
}
