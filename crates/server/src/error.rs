//! Errors of the HTTP API: a status code and the same message the command
//! line prints, as JSON `{"error": "...", "kind": "...", …}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use lineup::messages::{Lang, fill, text};
use serde::Serialize;

/// What kind of error: the JSON `kind` field, stable for clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An option (query parameter) that does not parse or validate: 400.
    Usage,
    /// A request body that is not what the endpoint takes: 400.
    Request,
    /// An uploaded file with bad content: 422.
    Input,
    /// No lineup can exist under the rules asked for: 422.
    Infeasible,
    /// A lineup that breaks rules where a valid one is needed: 422.
    Rules,
    /// The server is busy with other solves: 429.
    Busy,
    /// The body is larger than the server takes: 413.
    TooLarge,
    /// A foreign host or origin: 403.
    Forbidden,
    /// No such endpoint or job: 404.
    NotFound,
    /// The job was cancelled before it finished: 409.
    Cancelled,
    /// A defect (a solver result that failed verification): 500.
    Internal,
}

/// An error answer.
#[derive(Clone, Debug, Serialize)]
pub struct ApiError {
    /// HTTP status.
    #[serde(skip)]
    pub status: StatusCode,
    /// Seconds to wait, for 429.
    #[serde(skip)]
    pub retry_after: Option<u64>,
    /// What went wrong and what to do (the CLI's text).
    pub error: String,
    /// The kind.
    pub kind: Kind,
    /// The broken rules, for [`Kind::Rules`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<serde_json::Value>,
    /// The message in German, where the catalogue has it (`error` is English
    /// until [`ApiError::in_lang`] picks a language).
    #[serde(skip)]
    pub german: Option<String>,
    /// The language `error` is written in (`en` or `de`).
    pub lang: Lang,
}

impl ApiError {
    /// An error of a kind, with the status that kind has.
    pub fn new(kind: Kind, message: impl Into<String>) -> ApiError {
        let status = match kind {
            Kind::Usage | Kind::Request => StatusCode::BAD_REQUEST,
            Kind::Input | Kind::Infeasible | Kind::Rules => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Busy => StatusCode::TOO_MANY_REQUESTS,
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Cancelled => StatusCode::CONFLICT,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            retry_after: None,
            error: message.into(),
            kind,
            violations: Vec::new(),
            german: None,
            lang: Lang::En,
        }
    }

    /// The same error with its German text.
    pub fn with_german(mut self, german: impl Into<String>) -> ApiError {
        self.german = Some(german.into());
        self
    }

    /// Whether the error has a text of its own in `lang`.
    pub fn has_text(&self, lang: Lang) -> bool {
        lang == Lang::En || self.german.is_some()
    }

    /// The error with its message in `lang` (English where it has none).
    pub fn in_lang(mut self, lang: Lang) -> ApiError {
        if lang == Lang::De {
            if let Some(de) = self.german.take() {
                self.error = de;
                self.lang = Lang::De;
            }
        }
        self
    }

    /// A catalogue text in both languages: the error with its German text.
    fn said(kind: Kind, key: &str, args: &[(&str, &str)]) -> ApiError {
        let say = |lang| fill(text(key, lang).unwrap_or(key), args);
        ApiError::new(kind, say(Lang::En)).with_german(say(Lang::De))
    }

    /// The job was cancelled before it found a lineup.
    pub fn cancelled() -> ApiError {
        ApiError::said(Kind::Cancelled, "server.cancelled", &[])
    }

    /// A bad option.
    pub fn usage(message: impl Into<String>) -> ApiError {
        ApiError::new(Kind::Usage, message)
    }

    /// A bad option, worded by the catalogue (`usage.*`) in both languages.
    pub fn usage_said(key: &str, args: &[(&str, &str)]) -> ApiError {
        ApiError::said(Kind::Usage, key, args)
    }

    /// A body that the endpoint does not take.
    pub fn request(message: impl Into<String>) -> ApiError {
        ApiError::new(Kind::Request, message)
    }

    /// The body limit.
    pub fn too_large(limit: usize) -> ApiError {
        let mb = (limit / (1024 * 1024)).to_string();
        ApiError::said(Kind::TooLarge, "server.too_large", &[("mb", &mb)])
    }

    /// All solve slots and the queue are taken.
    pub fn busy(retry_after: u64) -> ApiError {
        let s = retry_after.to_string();
        let mut e = ApiError::said(Kind::Busy, "server.busy", &[("s", &s)]);
        e.retry_after = Some(retry_after);
        e
    }
}

impl From<lineup_options::OptionError> for ApiError {
    fn from(e: lineup_options::OptionError) -> ApiError {
        let german = e.german;
        let a = ApiError::usage(e.message);
        match german {
            Some(de) => a.with_german(de),
            None => a,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&self).unwrap_or_else(|_| format!("{{\"error\":{:?}}}", self.error));
        let mut response = (self.status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
        // For the language layer (crate::lang), which may answer in German.
        response.extensions_mut().insert(self.clone());
        if let Some(s) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        response
    }
}
