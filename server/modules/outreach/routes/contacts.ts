// HTTP routes of contacts and contact lists: CRUD, CSV import with a validation report, GDPR export and erase.
import { createRoute, z } from "@hono/zod-openapi";
import { PageQuery, pageOf } from "../../../../lib/api/pagination";
import { createRouter, ctxOf, errorResponses, jsonBody, jsonResponse } from "../../../platform/http";
import {
	AddContactListMembersInput,
	ContactDetailView,
	ContactExportView,
	ContactListView,
	ContactQuery,
	ContactView,
	CreateContactInput,
	CreateContactListInput,
	ImportContactsInput,
	ImportReport,
	UpdateContactInput,
	UpdateContactListInput,
} from "../contract";
import {
	addContactListMembers,
	createContactList,
	deleteContactList,
	findContactLists,
	getContactList,
	removeContactListMember,
	updateContactList,
} from "../service/contact-lists";
import {
	createContact,
	eraseContact,
	exportContact,
	findContacts,
	getContactDetail,
	updateContact,
} from "../service/contacts";
import { importContacts } from "../service/import-contacts";

const tags = ["Contacts"];
const IdParam = z.object({ id: z.uuid() });
const MemberParam = IdParam.extend({ contactId: z.uuid() });

export const contactRoutes = createRouter()
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/contact-lists",
			tags,
			summary: "Contact lists, newest first, with member counts",
			request: { query: PageQuery },
			responses: { 200: jsonResponse(pageOf(ContactListView), "A page of lists"), ...errorResponses },
		}),
		async (c) => c.json(await findContactLists(ctxOf(c, "outreach.read"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/contact-lists",
			tags,
			summary: "Create a contact list",
			request: jsonBody(CreateContactListInput),
			responses: { 201: jsonResponse(ContactListView, "Created"), ...errorResponses },
		}),
		async (c) => c.json(await createContactList(ctxOf(c, "outreach.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/contact-lists/{id}",
			tags,
			summary: "A contact list",
			request: { params: IdParam },
			responses: { 200: jsonResponse(ContactListView, "The list"), ...errorResponses },
		}),
		async (c) => c.json(await getContactList(ctxOf(c, "outreach.read"), c.req.valid("param").id), 200),
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/contact-lists/{id}",
			tags,
			summary: "Rename or describe a contact list",
			request: { params: IdParam, ...jsonBody(UpdateContactListInput) },
			responses: { 200: jsonResponse(ContactListView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateContactList(ctxOf(c, "outreach.write"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/contact-lists/{id}",
			tags,
			summary: "Delete a contact list (its contacts stay)",
			request: { params: IdParam },
			responses: { 204: { description: "Deleted" }, ...errorResponses },
		}),
		async (c) => {
			await deleteContactList(ctxOf(c, "outreach.write"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/contact-lists/{id}/members",
			tags,
			summary: "Add existing contacts to a list",
			request: { params: IdParam, ...jsonBody(AddContactListMembersInput) },
			responses: { 200: jsonResponse(ContactListView, "Added"), ...errorResponses },
		}),
		async (c) =>
			c.json(
				await addContactListMembers(ctxOf(c, "outreach.write"), c.req.valid("param").id, c.req.valid("json")),
				200,
			),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/contact-lists/{id}/members/{contactId}",
			tags,
			summary: "Remove a contact from a list (the contact stays)",
			request: { params: MemberParam },
			responses: { 200: jsonResponse(ContactListView, "Removed"), ...errorResponses },
		}),
		async (c) => {
			const { id, contactId } = c.req.valid("param");
			return c.json(await removeContactListMember(ctxOf(c, "outreach.write"), id, contactId), 200);
		},
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/contact-lists/{id}/import",
			tags,
			summary: "Import contacts from CSV into the list (all or nothing; dryRun validates only)",
			description:
				"Columns: email (required), name, language (de|en), external_id, attr_<key>; separated by , ; or tab. " +
				"Known emails are updated (empty cells change nothing; unsubscribes are kept). Any error → 400 with the " +
				"ImportReport in error.details and nothing written.",
			request: { params: IdParam, ...jsonBody(ImportContactsInput) },
			responses: { 200: jsonResponse(ImportReport, "Imported (or, for a dry run, validated)"), ...errorResponses },
		}),
		async (c) =>
			c.json(await importContacts(ctxOf(c, "outreach.write"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/contacts",
			tags,
			summary: "Contacts, newest first; filter by list, text, status",
			request: { query: ContactQuery },
			responses: { 200: jsonResponse(pageOf(ContactView), "A page of contacts"), ...errorResponses },
		}),
		async (c) => c.json(await findContacts(ctxOf(c, "outreach.read"), c.req.valid("query")), 200),
	)
	.openapi(
		createRoute({
			method: "post",
			path: "/api/v1/contacts",
			tags,
			summary: "Add a contact (email unique per organization)",
			request: jsonBody(CreateContactInput),
			responses: {
				201: jsonResponse(ContactDetailView, "Created"),
				409: { description: "Email exists" },
				...errorResponses,
			},
		}),
		async (c) => c.json(await createContact(ctxOf(c, "outreach.write"), c.req.valid("json")), 201),
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/contacts/{id}",
			tags,
			summary: "A contact with its lists",
			request: { params: IdParam },
			responses: { 200: jsonResponse(ContactDetailView, "The contact"), ...errorResponses },
		}),
		async (c) => {
			const ctx = ctxOf(c, "outreach.read");
			return c.json(await getContactDetail(ctx.db, ctx.organizationId, c.req.valid("param").id), 200);
		},
	)
	.openapi(
		createRoute({
			method: "patch",
			path: "/api/v1/contacts/{id}",
			tags,
			summary: "Edit a contact (or record an unsubscribe)",
			request: { params: IdParam, ...jsonBody(UpdateContactInput) },
			responses: { 200: jsonResponse(ContactDetailView, "Updated"), ...errorResponses },
		}),
		async (c) =>
			c.json(await updateContact(ctxOf(c, "outreach.write"), c.req.valid("param").id, c.req.valid("json")), 200),
	)
	.openapi(
		createRoute({
			method: "delete",
			path: "/api/v1/contacts/{id}",
			tags,
			summary: "Erase a contact's personal data (GDPR Art. 17); campaign numbers stay",
			request: { params: IdParam },
			responses: { 204: { description: "Erased" }, ...errorResponses },
		}),
		async (c) => {
			await eraseContact(ctxOf(c, "outreach.write"), c.req.valid("param").id);
			return c.body(null, 204);
		},
	)
	.openapi(
		createRoute({
			method: "get",
			path: "/api/v1/contacts/{id}/export",
			tags,
			summary: "Everything stored about a contact (GDPR Art. 15/20)",
			request: { params: IdParam },
			responses: { 200: jsonResponse(ContactExportView, "The contact's data"), ...errorResponses },
		}),
		async (c) => c.json(await exportContact(ctxOf(c, "outreach.write"), c.req.valid("param").id), 200),
	);
