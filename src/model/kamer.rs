//! A question set as the Kamer publishes it (kv-tk-… questions, ah-tk-…
//! answers), read by `beantwoord new --from` to start a dossier.

use chrono::NaiveDate;

/// What the Kamer's file says of a question set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionSet {
    /// The case number, e.g. `2022Z21205`.
    pub case: Option<String>,
    /// The Kamer's document ids: `kv-tk-2022Z21205`, `ah-tk-20222023-914`.
    pub question_document: Option<String>,
    pub answer_document: Option<String>,
    /// The subject as the Kamer writes it after "over": `de ‘escalatie kanalen’ …`.
    pub subject: String,
    pub submitted: Option<NaiveDate>,
    pub answered: Option<NaiveDate>,
    /// Who asked, in order.
    pub members: Vec<Member>,
    /// Who was asked, as the Kamer writes it after "aan de":
    /// `Minister van Binnenlandse Zaken en Koninkrijksrelaties`.
    pub addressees: String,
    /// Who answered, for an answer file.
    pub answerer: Option<Answerer>,
    /// Who the answers are also given for, as the Kamer writes it after
    /// "mede namens": `de Ministers van Defensie en van Justitie en Veiligheid`.
    pub co_answerers: Vec<String>,
    /// The earlier documents the answer heading cites ("Zie ook Aanhangsel
    /// Handelingen, vergaderjaar 2022–2023, nr. 2207"): the delay notices,
    /// as the Kamer's ids (`ah-tk-20222023-2207`).
    pub see_also: Vec<String>,
    pub questions: Vec<Part>,
    pub answers: Vec<Part>,
    /// The notes, by their number, in order of first use.
    pub footnotes: Vec<Footnote>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Member {
    /// The full name where the file gives one, else the surname.
    pub name: String,
    /// The surname as the Kamer writes it: `Van Houwelingen`.
    pub short: String,
    pub party: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answerer {
    /// `Bruins Slot`.
    pub short: String,
    /// `minister`, `staatssecretaris`.
    pub title: String,
    /// `Binnenlandse Zaken en Koninkrijksrelaties`.
    pub department: Option<String>,
}

/// A question or an answer: the numbers it is headed with ("Vraag 2, 3")
/// and its paragraphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Part {
    pub numbers: Vec<u32>,
    pub paragraphs: Vec<Vec<Piece>>,
}

/// A piece of a paragraph, as the Kamer marks it up.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    /// A note cited here, by its label (`noot1`).
    Note(String),
    Link {
        text: String,
        url: String,
    },
    Strong(String),
    Emphasis(String),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Footnote {
    /// `noot1`: the label used in the text.
    pub label: String,
    pub text: String,
    /// The address it links to, when its text is not that address.
    pub url: Option<String>,
}
