//! Errors of the HTTP API: a status code and the same message the command
//! line prints, as JSON `{"error": "...", "kind": "...", …}`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
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
    /// The message in each language of the catalogue (`{"en": …, "de": …}`),
    /// for errors the catalogue words (the planner's criteria, impossible
    /// requests with them); the page shows the one of its language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub localized: Option<Localized>,
}

/// An error message in English and German.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Localized {
    /// English (the same as `error`).
    pub en: String,
    /// German.
    pub de: String,
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
            localized: None,
        }
    }

    /// The same error with its German text (when it differs from the English).
    pub fn with_german(mut self, de: String) -> ApiError {
        if de != self.error {
            self.localized = Some(Localized {
                en: self.error.clone(),
                de,
            });
        }
        self
    }

    /// A bad option.
    pub fn usage(message: impl Into<String>) -> ApiError {
        ApiError::new(Kind::Usage, message)
    }

    /// A body that the endpoint does not take.
    pub fn request(message: impl Into<String>) -> ApiError {
        ApiError::new(Kind::Request, message)
    }

    /// The body limit.
    pub fn too_large(limit: usize) -> ApiError {
        ApiError::new(
            Kind::TooLarge,
            format!(
                "the request body is larger than {} MB, the most this server takes: split the file or remove columns it does not need",
                limit / (1024 * 1024)
            ),
        )
    }

    /// All solve slots and the queue are taken.
    pub fn busy(retry_after: u64) -> ApiError {
        let mut e = ApiError::new(
            Kind::Busy,
            format!("the server is busy with other solves: try again in {retry_after} s"),
        );
        e.retry_after = Some(retry_after);
        e
    }
}

impl From<lineup_options::OptionError> for ApiError {
    fn from(e: lineup_options::OptionError) -> ApiError {
        ApiError::usage(e.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&self).unwrap_or_else(|_| format!("{{\"error\":{:?}}}", self.error));
        let mut response = (self.status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
        if let Some(s) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        response
    }
}
