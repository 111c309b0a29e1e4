//! What one audience's templates may see. For the public audience every
//! value put into the context and every template source passes through
//! [`redaction::public_view`] first: a withheld passage keeps its ground and
//! loses its words, so no template or filter can print them (`split`,
//! `replace`, `slice`: there is nothing left to find). The internal
//! audience sees the records as written.

use crate::document::Audience;
use crate::redaction;
use serde::Serialize;
use std::borrow::Cow;
use tera::{Context, Value};

/// A Tera context for one audience.
#[derive(Clone)]
pub struct View {
    pub audience: Audience,
    ctx: Context,
    /// The variables given, for a template error's hint.
    names: Vec<&'static str>,
}

impl View {
    pub fn new(audience: Audience) -> View {
        View { audience, ctx: Context::new(), names: Vec::new() }
    }

    /// Puts `value` into the context under `key`, as the audience may see it.
    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        let value = Value::from_serializable(value);
        if !self.names.contains(&key) {
            self.names.push(key);
        }
        match self.audience {
            Audience::Internal => self.ctx.insert_value(key, value),
            Audience::Public => self.ctx.insert_value(key, masked(&value).unwrap_or(value)),
        }
    }

    /// [`View::insert`] for a list: its items are made values on every
    /// core (a register's reports, an inventory's rows), in order. The
    /// same value as `insert` gives: a list is masked item by item.
    pub fn insert_list<T: Serialize + Sync>(&mut self, key: &'static str, items: &[T]) {
        use rayon::prelude::*;
        let values: Vec<Value> = items.par_iter().map(|item| self.value(item)).collect();
        self.insert_value(key, Value::from(values));
    }

    /// [`View::insert`] for a value already made: one of [`View::value`],
    /// so already as the audience may see it.
    pub fn insert_value(&mut self, key: &'static str, value: Value) {
        if !self.names.contains(&key) {
            self.names.push(key);
        }
        self.ctx.insert_value(key, value);
    }

    /// `value` as a Tera value, as the audience may see it: to be put
    /// together with others and given to [`View::insert_value`].
    pub fn value<T: Serialize + ?Sized>(&self, value: &T) -> Value {
        let value = Value::from_serializable(value);
        match self.audience {
            Audience::Internal => value,
            Audience::Public => masked(&value).unwrap_or(value),
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.ctx.remove(key);
        self.names.retain(|n| *n != key);
    }

    /// The variables a template rendered with this view can use.
    pub fn names(&self) -> Vec<&'static str> {
        let mut n = self.names.clone();
        n.sort_unstable();
        n
    }

    /// A template's source as the audience may see it.
    pub fn source<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.audience {
            Audience::Internal => Cow::Borrowed(text),
            Audience::Public => redaction::public_view(text),
        }
    }

    pub fn context(&self) -> &Context {
        &self.ctx
    }
}

/// `value` with the words of every withheld passage in every string taken
/// out, or `None` when nothing in it is withheld (so that the large contexts
/// of a big register are not copied for nothing).
fn masked(value: &Value) -> Option<Value> {
    if let Some(s) = value.as_str() {
        return match redaction::public_view(s) {
            Cow::Borrowed(_) => None,
            Cow::Owned(masked) => Some(Value::from(masked)),
        };
    }
    if let Some(items) = value.as_array() {
        let changed: Vec<Option<Value>> = items.iter().map(masked).collect();
        if changed.iter().all(Option::is_none) {
            return None;
        }
        let out: Vec<Value> =
            changed.into_iter().zip(items).map(|(m, v)| m.unwrap_or_else(|| v.clone())).collect();
        return Some(Value::from(out));
    }
    if let Some(map) = value.as_map() {
        let changed: Vec<Option<Value>> = map.values().map(masked).collect();
        if changed.iter().all(Option::is_none) {
            return None;
        }
        let out: tera::Map = changed
            .into_iter()
            .zip(map.iter())
            .map(|(m, (k, v))| (k.clone(), m.unwrap_or_else(|| v.clone())))
            .collect();
        return Some(Value::from(out));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Letter {
        from: String,
        text: String,
        copies: Vec<String>,
    }

    proptest::proptest! {
        /// A list put in on every core is the value `insert` makes, for
        /// either audience: each item masked as the whole list would be.
        #[test]
        fn a_list_inserted_on_every_core_is_the_value_insert_makes(
            texts in proptest::collection::vec("([a-z ]|\\[\\[5\\.1\\.2e: [a-z ]{0,8}\\]\\]|\\[\\[)*", 0..40),
            internal in proptest::bool::ANY,
        ) {
            let audience = if internal { Audience::Internal } else { Audience::Public };
            let letters: Vec<Letter> = texts
                .iter()
                .map(|t| Letter { from: t.clone(), text: format!("x {t}"), copies: vec![t.clone()] })
                .collect();
            let (mut one, mut list) = (View::new(audience), View::new(audience));
            one.insert("brieven", &letters);
            list.insert_list("brieven", &letters);
            proptest::prop_assert_eq!(one.context().get("brieven"), list.context().get("brieven"));
            proptest::prop_assert_eq!(one.names(), list.names());
        }
    }

    #[test]
    fn the_public_context_holds_no_withheld_word_and_no_filter_finds_one() {
        let letter = Letter {
            from: "[[5.1.2e: Piet Geheim]]".into(),
            text: "Beste [[5.1.2e: Jan de Vries]]. Groet.".into(),
            copies: vec!["aan [[5.1.2e: Jan de Vries]]".into()],
        };
        let mut view = View::new(Audience::Public);
        view.insert("brief", &letter);
        let tera = tera::Tera::default();
        let tricks = "{{ brief.text | split(pat=\"5.1.2e: \") | last }}|{{ brief.from | replace(from=\"[\", to=\"\") }}|{{ brief.copies | join(sep=\",\") }}|{% for k, v in brief %}{{ v }}{% endfor %}";
        let out = tera.render_str(&view.source(tricks), view.context(), false).unwrap();
        assert!(!out.contains("Jan") && !out.contains("Vries") && !out.contains("Piet"), "{out}");
        assert!(out.contains("5.1.2e"));
        let source = view.source("In het sjabloon: [[5.1.2e: Klaas]].");
        assert!(!source.contains("Klaas"));
        let mut internal = View::new(Audience::Internal);
        internal.insert("brief", &letter);
        let out = tera.render_str("{{ brief.text }}", internal.context(), false).unwrap();
        assert!(out.contains("Jan de Vries"));
    }
}
