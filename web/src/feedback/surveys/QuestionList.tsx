// The survey's questions: reorder by drag and drop or keyboard (dnd-kit) and from each question's menu; one open editor.
import {
	closestCenter,
	DndContext,
	type DragEndEvent,
	KeyboardSensor,
	PointerSensor,
	useSensor,
	useSensors,
} from "@dnd-kit/core";
import {
	SortableContext,
	sortableKeyboardCoordinates,
	useSortable,
	verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
	QUESTION_TYPES,
	type Question,
	type QuestionType,
	type SurveyLanguage,
} from "../../../../server/modules/surveys/contract";
import { IconArrowDown, IconArrowUp, IconCopy, IconDots, IconGrip, IconPlus, IconTrash } from "../../ui/icons";
import { QuestionEditor } from "./QuestionEditor";
import { moveItem, nextQuestionId } from "./survey-draft";

type Props = {
	questions: Question[];
	openId: string | null;
	language: SurveyLanguage;
	languages: SurveyLanguage[];
	errors: Record<string, string>;
	onOpen: (id: string | null) => void;
	onChange: (questions: Question[]) => void;
	onAdd: (type: QuestionType) => void;
};

export function QuestionList({ questions, openId, language, languages, errors, onOpen, onChange, onAdd }: Props) {
	const { t } = useTranslation();
	const sensors = useSensors(
		useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
		useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
	);
	const textOf = (id: string | number) => {
		const question = questions.find((q) => q.id === String(id));
		return question ? (question.text[language] ?? question.id) : "";
	};
	const onDragEnd = ({ active, over }: DragEndEvent) => {
		if (!over || active.id === over.id) return;
		const from = questions.findIndex((q) => q.id === active.id);
		const to = questions.findIndex((q) => q.id === over.id);
		if (from >= 0 && to >= 0) onChange(moveItem(questions, from, to));
	};

	return (
		<Stack gap="xs">
			<DndContext
				sensors={sensors}
				collisionDetection={closestCenter}
				onDragEnd={onDragEnd}
				accessibility={{
					announcements: {
						onDragStart: ({ active }) => t("feedback.builder.dnd.picked", { name: textOf(active.id) }),
						onDragOver: ({ active, over }) =>
							over ? t("feedback.builder.dnd.over", { name: textOf(active.id), target: textOf(over.id) }) : undefined,
						onDragEnd: ({ active, over }) =>
							over
								? t("feedback.builder.dnd.dropped", { name: textOf(active.id), target: textOf(over.id) })
								: t("feedback.builder.dnd.cancelled", { name: textOf(active.id) }),
						onDragCancel: ({ active }) => t("feedback.builder.dnd.cancelled", { name: textOf(active.id) }),
					},
					screenReaderInstructions: { draggable: t("feedback.builder.dnd.instructions") },
				}}
			>
				<SortableContext items={questions.map((q) => q.id)} strategy={verticalListSortingStrategy}>
					{questions.map((question, index) => (
						<SortableQuestion
							key={question.id}
							question={question}
							index={index}
							count={questions.length}
							isOpen={openId === question.id}
							language={language}
							hasErrors={Object.keys(errors).some((key) => key.startsWith(`questions.${index}.`))}
							onToggle={() => onOpen(openId === question.id ? null : question.id)}
							onMove={(delta) => onChange(moveItem(questions, index, index + delta))}
							onDuplicate={() => {
								const copy = { ...question, id: nextQuestionId(questions) } as Question;
								onChange([...questions.slice(0, index + 1), copy, ...questions.slice(index + 1)]);
								onOpen(copy.id);
							}}
							onDelete={() => onChange(questions.filter((q) => q.id !== question.id))}
						>
							<QuestionEditor
								question={question}
								index={index}
								earlier={questions.slice(0, index)}
								language={language}
								languages={languages}
								errors={errors}
								onChange={(next) => onChange(questions.map((q, i) => (i === index ? next : q)))}
							/>
						</SortableQuestion>
					))}
				</SortableContext>
			</DndContext>
			{questions.length < 50 && (
				<Menu position="bottom-start">
					<Menu.Target>
						<Button variant="light" leftSection={<IconPlus size={16} />} style={{ alignSelf: "flex-start" }}>
							{t("feedback.builder.addQuestion")}
						</Button>
					</Menu.Target>
					<Menu.Dropdown>
						{QUESTION_TYPES.map((type) => (
							<Menu.Item key={type} onClick={() => onAdd(type)}>
								{t(`feedback.questionType.${type}`)}
							</Menu.Item>
						))}
					</Menu.Dropdown>
				</Menu>
			)}
		</Stack>
	);
}

type ItemProps = {
	question: Question;
	index: number;
	count: number;
	isOpen: boolean;
	language: SurveyLanguage;
	hasErrors: boolean;
	onToggle: () => void;
	onMove: (delta: number) => void;
	onDuplicate: () => void;
	onDelete: () => void;
	children: React.ReactNode;
};

function SortableQuestion({
	question,
	index,
	count,
	isOpen,
	language,
	hasErrors,
	onToggle,
	onMove,
	onDuplicate,
	onDelete,
	children,
}: ItemProps) {
	const { t } = useTranslation();
	const sortable = useSortable({ id: question.id });
	const title = question.text[language]?.trim() || t("feedback.builder.untitled");
	return (
		<Paper
			ref={sortable.setNodeRef}
			withBorder
			p="xs"
			className="loupe-question"
			data-dragging={sortable.isDragging || undefined}
			style={{
				transform: CSS.Translate.toString(sortable.transform),
				transition: sortable.transition,
				borderColor: hasErrors ? "var(--mantine-color-red-5)" : undefined,
			}}
			data-testid="question-card"
		>
			<Group gap={4} wrap="nowrap" align="center">
				<ActionIcon
					ref={sortable.setActivatorNodeRef}
					variant="subtle"
					color="gray"
					size="sm"
					className="loupe-drag-handle"
					{...sortable.attributes}
					{...sortable.listeners}
					aria-label={t("feedback.builder.dragHandle", { n: index + 1 })}
				>
					<IconGrip size={16} />
				</ActionIcon>
				<UnstyledButton onClick={onToggle} style={{ flex: 1, minWidth: 0 }} aria-expanded={isOpen} py={4}>
					<Group gap={6} wrap="nowrap">
						<Text size="sm" c="dimmed" fw={600} w={22}>
							{index + 1}.
						</Text>
						<Text size="sm" fw={600} truncate="end" style={{ flex: 1, minWidth: 0 }}>
							{title}
						</Text>
						<Badge size="xs" variant="light" visibleFrom="xs">
							{t(`feedback.questionType.${question.type}`)}
						</Badge>
						{question.required && (
							<Badge size="xs" variant="light" color="gray" visibleFrom="xs">
								{t("feedback.builder.requiredBadge")}
							</Badge>
						)}
						{question.showIf && (
							<Badge size="xs" variant="light" color="violet">
								{t("feedback.builder.conditional")}
							</Badge>
						)}
					</Group>
				</UnstyledButton>
				<Menu position="bottom-end" withinPortal>
					<Menu.Target>
						<ActionIcon
							variant="subtle"
							color="gray"
							size="sm"
							aria-label={t("feedback.builder.questionActions", { n: index + 1 })}
						>
							<IconDots size={16} />
						</ActionIcon>
					</Menu.Target>
					<Menu.Dropdown>
						<Menu.Item leftSection={<IconArrowUp size={16} />} disabled={index === 0} onClick={() => onMove(-1)}>
							{t("feedback.builder.moveUp")}
						</Menu.Item>
						<Menu.Item
							leftSection={<IconArrowDown size={16} />}
							disabled={index === count - 1}
							onClick={() => onMove(1)}
						>
							{t("feedback.builder.moveDown")}
						</Menu.Item>
						<Menu.Item leftSection={<IconCopy size={16} />} onClick={onDuplicate}>
							{t("feedback.builder.duplicate")}
						</Menu.Item>
						<Menu.Divider />
						<Menu.Item color="red" leftSection={<IconTrash size={16} />} disabled={count <= 1} onClick={onDelete}>
							{t("common.delete")}
						</Menu.Item>
					</Menu.Dropdown>
				</Menu>
			</Group>
			{isOpen && <div style={{ padding: "var(--mantine-spacing-xs) var(--mantine-spacing-xs) 4px" }}>{children}</div>}
		</Paper>
	);
}
