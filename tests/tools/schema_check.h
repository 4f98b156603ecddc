#pragma once

// JSON Schema (draft-04) validation with rapidjson's SchemaValidator, shared
// by the doctests and the json_schema_check tool.

#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
// rapidjson 1.1's schema.h trips GCC's -Wnull-dereference once inlined.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <rapidjson/schema.h>
#pragma GCC diagnostic pop

namespace launchlint {

// Empty when `document` is valid JSON that satisfies `schema`; otherwise what
// is wrong and where (JSON pointers into the document and the schema).
inline std::string schema_errors(std::string_view schema,
                                 std::string_view document) {
  rapidjson::Document schema_doc;
  schema_doc.Parse(schema.data(), schema.size());
  if (schema_doc.HasParseError()) {
    return std::string("schema is not JSON: ") +
           rapidjson::GetParseError_En(schema_doc.GetParseError()) +
           " at offset " + std::to_string(schema_doc.GetErrorOffset());
  }
  rapidjson::Document doc;
  doc.Parse(document.data(), document.size());
  if (doc.HasParseError()) {
    return std::string("document is not JSON: ") +
           rapidjson::GetParseError_En(doc.GetParseError()) + " at offset " +
           std::to_string(doc.GetErrorOffset());
  }
  rapidjson::SchemaDocument compiled(schema_doc);
  rapidjson::SchemaValidator validator(compiled);
  if (doc.Accept(validator)) return {};
  rapidjson::StringBuffer at_document, at_schema;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(at_document);
  validator.GetInvalidSchemaPointer().StringifyUriFragment(at_schema);
  return std::string("document ") + at_document.GetString() +
         " violates schema keyword \"" + validator.GetInvalidSchemaKeyword() +
         "\" at " + at_schema.GetString();
}

}  // namespace launchlint
